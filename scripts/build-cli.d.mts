export declare const CLI_OUT_DIR: string;
export declare function cliBuildIsStale(): boolean;
export declare function buildCli(): Promise<void>;
export declare function ensureCliBuilt(options?: { quiet?: boolean }): Promise<boolean>;
