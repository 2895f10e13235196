import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

function issuesOf(env: Record<string, string>) {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('defaults to the embedded store on localhost:3000 with the documented limits', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      GRAPH_BACKEND: 'embedded',
      DATA_DIR: './data',
      QUERY_TIMEOUT_MS: 10_000,
      QUERY_MAX_ROWS: 5_000,
      SEED_ON_START: true,
      SEED: 42,
      SEED_SCALE: 1,
    });
  });

  it('reads values from the environment and treats empty ones as unset', () => {
    const config = loadConfig({ PORT: '8080', SEED_ON_START: 'false', NEO4J_DATABASE: '', QUERY_MAX_ROWS: '10' });
    expect(config).toMatchObject({ PORT: 8080, SEED_ON_START: false, QUERY_MAX_ROWS: 10 });
    expect(config.NEO4J_DATABASE).toBeUndefined();
  });

  it('names the variable that is wrong', () => {
    expect(issuesOf({ QUERY_TIMEOUT_MS: 'soon' }).map((i) => i.variable)).toEqual(['QUERY_TIMEOUT_MS']);
    expect(
      issuesOf({ PORT: '70000', GRAPH_BACKEND: 'oracle' })
        .map((i) => i.variable)
        .sort(),
    ).toEqual(['GRAPH_BACKEND', 'PORT']);
    expect(issuesOf({ SEED_ON_START: 'maybe' }).map((i) => i.variable)).toEqual(['SEED_ON_START']);
  });

  it('requires a Neo4j URI when the Neo4j store is chosen', () => {
    expect(issuesOf({ GRAPH_BACKEND: 'neo4j' })).toEqual([
      { variable: 'NEO4J_URI', message: 'required when GRAPH_BACKEND=neo4j' },
    ]);
    expect(issuesOf({ GRAPH_BACKEND: 'neo4j', NEO4J_URI: 'http://db:7474' }).map((i) => i.variable)).toEqual([
      'NEO4J_URI',
    ]);
    expect(loadConfig({ GRAPH_BACKEND: 'neo4j', NEO4J_URI: 'neo4j+s://db.example:7687' }).NEO4J_URI).toBe(
      'neo4j+s://db.example:7687',
    );
  });

  it('puts every bad variable in the error message', () => {
    expect(() => loadConfig({ QUERY_MAX_ROWS: '0' })).toThrow(/QUERY_MAX_ROWS/);
  });
});
