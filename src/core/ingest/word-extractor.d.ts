// The part of word-extractor 1.0 we use (the package ships no typings).
declare module 'word-extractor' {
  interface WordExtractorDocument {
    getBody(options?: { filterUnicode?: boolean }): string;
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<WordExtractorDocument>;
  }
}
