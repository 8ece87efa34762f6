/** Version of the audit engine, stored with every run (a change means findings may differ). */
export const ENGINE_VERSION = '0.1.0';
