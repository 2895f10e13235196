/** The domain schema (/api/schema), fetched once per page and shared by every form that needs it. */
import { useEffect, useState } from 'react';
import { api, type SchemaInfo } from '../api/client.ts';

let pending: Promise<SchemaInfo> | null = null;

export function loadSchema(): Promise<SchemaInfo> {
  pending ??= api.schema().catch((error: unknown) => {
    // a failed load is tried again next time, not remembered
    pending = null;
    throw error;
  });
  return pending;
}

export function useSchema(onError: (error: unknown) => void): SchemaInfo | null {
  const [schema, setSchema] = useState<SchemaInfo | null>(null);
  useEffect(() => {
    let current = true;
    loadSchema()
      .then((s) => current && setSchema(s))
      .catch((e) => current && onError(e));
    return () => {
      current = false;
    };
  }, [onError]);
  return schema;
}
