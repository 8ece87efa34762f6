/**
 * Files native code reads in the packaged app. There node_modules sits inside app.asar, which only
 * Electron's own fs can look into; native code (the ONNX runtime opening its model) needs a real file.
 * electron-builder puts the files matched by `asarUnpack` (electron-builder.yml) in app.asar.unpacked beside
 * the archive, at the same relative path: the path of such a file is rewritten to point there.
 */
import path from 'node:path';

export function unpackedPath(file: string, sep: string = path.sep): string {
  return file.replace(`app.asar${sep}`, `app.asar.unpacked${sep}`);
}
