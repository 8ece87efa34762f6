/**
 * 001: the initial schema (SQLite and PostgreSQL spellings of the same tables). Everything an office must be able to show later: the exact file bytes,
 * the report as read, every audit run with its findings, and reviewer decisions and corrections
 * (never deleted: triggers refuse it).
 */
import type { Migration } from './index.ts';

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  sqlite: `
CREATE TABLE departments (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  norm_name   TEXT NOT NULL UNIQUE,
  region      TEXT,
  parent_id   INTEGER REFERENCES departments(id) ON DELETE SET NULL,
  confirmed   INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
  created_at  TEXT NOT NULL
);

CREATE TABLE department_aliases (
  norm_alias    TEXT PRIMARY KEY,
  alias         TEXT NOT NULL,
  department_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE
);
CREATE INDEX department_aliases_department ON department_aliases(department_id);

CREATE TABLE roster (
  year          INTEGER NOT NULL,
  department_id INTEGER NOT NULL REFERENCES departments(id),
  deadline      TEXT,
  received_on   TEXT,
  PRIMARY KEY (year, department_id)
);

-- Original bytes, content-addressed, so a sheet can always be re-checked against the exact file.
CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY,
  size   INTEGER NOT NULL,
  bytes  BLOB NOT NULL
);

CREATE TABLE files (
  id          INTEGER PRIMARY KEY,
  path        TEXT NOT NULL,
  name        TEXT NOT NULL,
  size        INTEGER NOT NULL,
  sha256      TEXT NOT NULL UNIQUE REFERENCES blobs(sha256),
  format      TEXT,
  error       TEXT,
  error_code  TEXT,
  pages       INTEGER,
  imported_at TEXT NOT NULL
);

CREATE TABLE rubrics (
  id         TEXT NOT NULL,
  version    INTEGER NOT NULL,
  json       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (id, version)
);

CREATE TABLE reports (
  id               INTEGER PRIMARY KEY,
  file_id          INTEGER NOT NULL UNIQUE REFERENCES files(id),
  department_id    INTEGER REFERENCES departments(id),
  department_text  TEXT,
  year             INTEGER,
  version          INTEGER NOT NULL DEFAULT 1,
  generation       TEXT,
  signed_on        TEXT,
  report_json      TEXT,
  fingerprint_json TEXT,
  imported_at      TEXT NOT NULL,
  current_audit_id INTEGER REFERENCES audits(id)
);
CREATE UNIQUE INDEX reports_department_year_version ON reports(department_id, year, version);
CREATE INDEX reports_year ON reports(year);

CREATE TABLE audit_runs (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL,
  rubric_id      TEXT NOT NULL,
  rubric_version INTEGER NOT NULL,
  engine_version TEXT NOT NULL,
  started_at     TEXT NOT NULL
);

-- One audit = one report scored in one run (the "scores").
CREATE TABLE audits (
  id                 INTEGER PRIMARY KEY,
  report_id          INTEGER NOT NULL REFERENCES reports(id),
  run_id             INTEGER NOT NULL REFERENCES audit_runs(id),
  score              REAL,
  grade              TEXT,
  veto               TEXT,
  late               INTEGER,
  failed             INTEGER NOT NULL,
  uncertain          INTEGER NOT NULL,
  failed_by_category TEXT NOT NULL,
  score_json         TEXT,
  created_at         TEXT NOT NULL
);
CREATE INDEX audits_report ON audits(report_id);

CREATE TABLE findings (
  audit_id      INTEGER NOT NULL REFERENCES audits(id),
  idx           INTEGER NOT NULL,
  check_id      TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'uncertain', 'na')),
  severity      TEXT NOT NULL,
  message       TEXT NOT NULL,
  evidence_json TEXT NOT NULL,
  deduction     REAL NOT NULL,
  measure       REAL,
  kind          TEXT,
  PRIMARY KEY (audit_id, idx)
) WITHOUT ROWID;

CREATE TABLE decisions (
  id            INTEGER PRIMARY KEY,
  report_id     INTEGER NOT NULL REFERENCES reports(id),
  finding_index INTEGER NOT NULL,
  check_id      TEXT NOT NULL,
  message       TEXT NOT NULL,
  action        TEXT NOT NULL CHECK (action IN ('confirm', 'dismiss')),
  reason        TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  reviewer      TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
  at            TEXT NOT NULL
);
CREATE INDEX decisions_report ON decisions(report_id);
CREATE TRIGGER decisions_never_deleted BEFORE DELETE ON decisions
BEGIN SELECT RAISE(ABORT, '审核决定不可删除'); END;
CREATE TRIGGER decisions_never_changed BEFORE UPDATE ON decisions
BEGIN SELECT RAISE(ABORT, '审核决定不可修改'); END;

CREATE TABLE corrections (
  id           INTEGER PRIMARY KEY,
  report_id    INTEGER NOT NULL REFERENCES reports(id),
  table_id     TEXT NOT NULL CHECK (table_id IN ('active', 'requests', 'review')),
  row          INTEGER NOT NULL,
  col          INTEGER NOT NULL,
  before_value REAL,
  value        REAL,
  reviewer     TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
  reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  at           TEXT NOT NULL
);
CREATE INDEX corrections_report ON corrections(report_id);
CREATE TRIGGER corrections_never_deleted BEFORE DELETE ON corrections
BEGIN SELECT RAISE(ABORT, '单元格更正记录不可删除'); END;
`,
  postgres: `
-- Reviewer records are never changed or deleted: the trigger raises the message it is given.
CREATE FUNCTION ogi_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END
$$;

CREATE TABLE departments (
  id          INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  name        TEXT NOT NULL,
  norm_name   TEXT NOT NULL UNIQUE,
  region      TEXT,
  parent_id   INTEGER REFERENCES departments(id) ON DELETE SET NULL,
  confirmed   INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
  created_at  TEXT NOT NULL
);

CREATE TABLE department_aliases (
  norm_alias    TEXT PRIMARY KEY,
  alias         TEXT NOT NULL,
  department_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE
);
CREATE INDEX department_aliases_department ON department_aliases(department_id);

CREATE TABLE roster (
  year          INTEGER NOT NULL,
  department_id INTEGER NOT NULL REFERENCES departments(id),
  deadline      TEXT,
  received_on   TEXT,
  PRIMARY KEY (year, department_id)
);

-- Original bytes, content-addressed, so a sheet can always be re-checked against the exact file.
CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY,
  size   INTEGER NOT NULL,
  bytes  BYTEA NOT NULL
);

CREATE TABLE files (
  id          INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  path        TEXT NOT NULL,
  name        TEXT NOT NULL,
  size        INTEGER NOT NULL,
  sha256      TEXT NOT NULL UNIQUE REFERENCES blobs(sha256),
  format      TEXT,
  error       TEXT,
  error_code  TEXT,
  pages       INTEGER,
  imported_at TEXT NOT NULL
);

CREATE TABLE rubrics (
  id         TEXT NOT NULL,
  version    INTEGER NOT NULL,
  json       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (id, version)
);

CREATE TABLE reports (
  id               INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  file_id          INTEGER NOT NULL UNIQUE REFERENCES files(id),
  department_id    INTEGER REFERENCES departments(id),
  department_text  TEXT,
  year             INTEGER,
  version          INTEGER NOT NULL DEFAULT 1,
  generation       TEXT,
  signed_on        TEXT,
  report_json      TEXT,
  fingerprint_json TEXT,
  imported_at      TEXT NOT NULL,
  current_audit_id INTEGER
);
CREATE UNIQUE INDEX reports_department_year_version ON reports(department_id, year, version);
CREATE INDEX reports_year ON reports(year);

CREATE TABLE audit_runs (
  id             INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  kind           TEXT NOT NULL,
  rubric_id      TEXT NOT NULL,
  rubric_version INTEGER NOT NULL,
  engine_version TEXT NOT NULL,
  started_at     TEXT NOT NULL
);

-- One audit = one report scored in one run (the "scores").
CREATE TABLE audits (
  id                 INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  report_id          INTEGER NOT NULL REFERENCES reports(id),
  run_id             INTEGER NOT NULL REFERENCES audit_runs(id),
  score              DOUBLE PRECISION,
  grade              TEXT,
  veto               TEXT,
  late               INTEGER,
  failed             INTEGER NOT NULL,
  uncertain          INTEGER NOT NULL,
  failed_by_category TEXT NOT NULL,
  score_json         TEXT,
  created_at         TEXT NOT NULL
);
CREATE INDEX audits_report ON audits(report_id);

CREATE TABLE findings (
  audit_id      INTEGER NOT NULL REFERENCES audits(id),
  idx           INTEGER NOT NULL,
  check_id      TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'uncertain', 'na')),
  severity      TEXT NOT NULL,
  message       TEXT NOT NULL,
  evidence_json TEXT NOT NULL,
  deduction     DOUBLE PRECISION NOT NULL,
  measure       DOUBLE PRECISION,
  kind          TEXT,
  PRIMARY KEY (audit_id, idx)
);

CREATE TABLE decisions (
  id            INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  report_id     INTEGER NOT NULL REFERENCES reports(id),
  finding_index INTEGER NOT NULL,
  check_id      TEXT NOT NULL,
  message       TEXT NOT NULL,
  action        TEXT NOT NULL CHECK (action IN ('confirm', 'dismiss')),
  reason        TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  reviewer      TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
  at            TEXT NOT NULL
);
CREATE INDEX decisions_report ON decisions(report_id);
CREATE TRIGGER decisions_never_deleted BEFORE DELETE ON decisions
  FOR EACH ROW EXECUTE FUNCTION ogi_refuse('审核决定不可删除');
CREATE TRIGGER decisions_never_changed BEFORE UPDATE ON decisions
  FOR EACH ROW EXECUTE FUNCTION ogi_refuse('审核决定不可修改');

CREATE TABLE corrections (
  id           INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  report_id    INTEGER NOT NULL REFERENCES reports(id),
  table_id     TEXT NOT NULL CHECK (table_id IN ('active', 'requests', 'review')),
  row          INTEGER NOT NULL,
  col          INTEGER NOT NULL,
  before_value DOUBLE PRECISION,
  value        DOUBLE PRECISION,
  reviewer     TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
  reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  at           TEXT NOT NULL
);
CREATE INDEX corrections_report ON corrections(report_id);
CREATE TRIGGER corrections_never_deleted BEFORE DELETE ON corrections
  FOR EACH ROW EXECUTE FUNCTION ogi_refuse('单元格更正记录不可删除');

-- SQLite accepts a reference to a table created later; PostgreSQL needs it added afterwards.
ALTER TABLE reports ADD CONSTRAINT reports_current_audit FOREIGN KEY (current_audit_id) REFERENCES audits(id);
-- Originals are mostly compressed already (PDF, .docx): storing them uncompressed saves the server's CPU.
ALTER TABLE blobs ALTER COLUMN bytes SET STORAGE EXTERNAL;
`,
};
