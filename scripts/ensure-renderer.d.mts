export function ensureRendererBuilt(options?: { quiet?: boolean }): string;
