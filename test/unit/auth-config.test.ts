/** AUTH and the settings around it: on by default, off only on loopback. */
import { describe, expect, it } from 'vitest';
import { authDirOf, ConfigError, isLoopback, loadConfig } from '../../server/config.ts';

function issuesOf(env: Record<string, string>) {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected a ConfigError');
}

describe('AUTH configuration', () => {
  it('is on by default, with the documented session and sign-in limits and AUTH_DIR under DATA_DIR', () => {
    const config = loadConfig({ DATA_DIR: '/srv/scamnet' });
    expect(config).toMatchObject({
      AUTH: 'on',
      SESSION_IDLE_MINUTES: 60,
      SESSION_MAX_HOURS: 12,
      SIGNIN_MAX_PER_ACCOUNT: 5,
      SIGNIN_MAX_PER_ADDRESS: 20,
    });
    expect(authDirOf(config)).toBe('/srv/scamnet/auth');
    expect(authDirOf(loadConfig({ AUTH_DIR: '/shared/auth' }))).toBe('/shared/auth');
  });

  it('refuses AUTH=off unless HOST is loopback, naming AUTH', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'scamnet.example']) {
      const issues = issuesOf({ AUTH: 'off', HOST: host });
      expect(
        issues.map((i) => i.variable),
        host,
      ).toEqual(['AUTH']);
      expect(issues[0]!.message).toMatch(/loopback/);
    }
    expect(() => loadConfig({ AUTH: 'off', HOST: '0.0.0.0' })).toThrow(
      /AUTH: off is allowed only when HOST is loopback/,
    );
    for (const host of ['127.0.0.1', '::1', '[::1]', 'localhost', '127.0.0.2'])
      expect(loadConfig({ AUTH: 'off', HOST: host }).AUTH, host).toBe('off');
    expect(loadConfig({ HOST: '0.0.0.0' }).AUTH).toBe('on');
    expect(issuesOf({ AUTH: 'maybe' }).map((i) => i.variable)).toEqual(['AUTH']);
  });

  it('knows loopback when it sees it', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('LOCALHOST')).toBe(true);
    expect(isLoopback('127.example')).toBe(false);
    expect(isLoopback('localhost.example')).toBe(false);
  });
});
