-- Tracks derived before tracks.missing_expiry_kind existed: a document dated only by its printed
-- expiry (NL temporary permit granted or extended, LU salaried worker permit; the rule tables' due
-- rules with acceptsDocumentExpiry and no period), recorded without it, in a phase where that due
-- date shows, and no such due date running. The next change to the track re-derives it exactly
-- (shared/procedure/missing-expiry.ts); this only makes the flag visible from the first unlock.
UPDATE `tracks` SET `missing_expiry_kind` = 'residencePermitExpiry'
 WHERE `closed` = 0
   AND ((`country` = 'NL' AND `phase_id` IN ('nl.temporaryPermit', 'nl.cannotCooperate', 'nl.proceedingsEnded')
         AND `id` IN (SELECT e.`track_id` FROM `procedure_events` e
                       WHERE e.`removed_at` IS NULL AND e.`type` IN ('temporaryPermitGranted', 'temporaryPermitExtended')))
     OR (`country` = 'LU' AND `phase_id` = 'lu.salariedWorkerPermit'
         AND `id` IN (SELECT e.`track_id` FROM `procedure_events` e
                       WHERE e.`removed_at` IS NULL AND e.`type` = 'salariedWorkerPermitGranted')))
   AND NOT EXISTS (SELECT 1 FROM `track_due_dates` d WHERE d.`track_id` = `tracks`.`id` AND d.`kind` = 'residencePermitExpiry');--> statement-breakpoint
UPDATE `persons` SET `missing_expiry_country` =
  (SELECT t.`country` FROM `tracks` t WHERE t.`person_id` = `persons`.`id` AND t.`missing_expiry_kind` IS NOT NULL ORDER BY t.`country` LIMIT 1);
