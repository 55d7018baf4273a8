// What other features may use of the audit log («Журнал изменений»); the rest of audit/ is its own.
export { AuditLogView } from './AuditLogView';
// changes in words, for the exchange preview and the conflict review
export { describeFieldChange, fieldLabel, formatFieldValue, type FieldChange, type RecordNames } from './humanize';
