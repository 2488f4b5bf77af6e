-- Full-text index of case notes (docs/casework.md "Searching notes"), inside the encrypted database.
-- External content: the text is stored once, in case_notes; the index holds tokens only and is kept in
-- sync by the triggers below. unicode61 with remove_diacritics 2 folds case and accents
-- (eleve finds élève, CAFE finds café). secure-delete overwrites a deleted note's tokens in the index
-- instead of leaving them until the next merge, as secure_delete does for the rows themselves.
CREATE VIRTUAL TABLE `case_notes_fts` USING fts5(
	body,
	content = 'case_notes',
	content_rowid = 'seq',
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `case_notes_fts` (`case_notes_fts`, `rank`) VALUES ('secure-delete', 1);
--> statement-breakpoint
CREATE TRIGGER `case_notes_fts_insert` AFTER INSERT ON `case_notes` BEGIN
	INSERT INTO `case_notes_fts` (`rowid`, `body`) VALUES (new.`seq`, new.`body`);
END;
--> statement-breakpoint
CREATE TRIGGER `case_notes_fts_delete` AFTER DELETE ON `case_notes` BEGIN
	INSERT INTO `case_notes_fts` (`case_notes_fts`, `rowid`, `body`) VALUES ('delete', old.`seq`, old.`body`);
END;
--> statement-breakpoint
CREATE TRIGGER `case_notes_fts_update` AFTER UPDATE OF `body` ON `case_notes` BEGIN
	INSERT INTO `case_notes_fts` (`case_notes_fts`, `rowid`, `body`) VALUES ('delete', old.`seq`, old.`body`);
	INSERT INTO `case_notes_fts` (`rowid`, `body`) VALUES (new.`seq`, new.`body`);
END;
