-- The audit trail is append-only: refuse every UPDATE and DELETE (architecture: audit trail).
-- Tampering that bypasses these triggers is caught by the hash chain and the key-slot file.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
