/**
 * An error with a machine-readable code beside its Chinese message: the adapters send the code to the UI,
 * the importer stores it with the file, tests match on it. Reading, the store and the service each have
 * their own subclass.
 */
export class CodedError<Code extends string = string> extends Error {
  readonly code: Code;
  constructor(code: Code, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}
