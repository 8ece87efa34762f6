/** pdf.js's parsing ("worker") module ships without types; we use its one export to run it in-process. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: {
    /** Sets pdf.js's parsing side up on a port and tells the other end it is ready. */
    initializeFromPort(port: unknown): void;
  };
}
