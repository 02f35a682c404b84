export { CODES, type CodeInfo, type DiagnosticCode, type Severity } from './codes.js';
export {
  compareDiagnostics,
  diagnostic,
  hasErrors,
  sortDiagnostics,
  type Diagnostic,
  type DiagnosticData,
  type Place,
} from './diagnostic.js';
