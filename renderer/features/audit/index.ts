// What other features may use of the audit log («Журнал изменений»); the rest of audit/ is its own.
export { AuditLogView } from './AuditLogView';
