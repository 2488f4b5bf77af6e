-- A person with no date of birth recorded and no doubt recorded was stored as a presumed minor
-- (age_basis 'presumed'); the procedure engine reads it as a gap to fill, not a presumption
-- (docs/legal-rules.md "Minors", shared/persons/minor-status.ts ageThreshold). The list, its minor
-- filter and the person page now say "date of birth missing" for them: age_basis 'unknown'. A
-- disputed date or doubt recorded by staff stays 'presumed'.
UPDATE `persons` SET `age_basis` = 'unknown', `adult_from` = NULL
 WHERE `age_basis` = 'presumed'
   AND `dob` IS NULL
   AND `dob_precision` = 'unknown'
   AND `age_in_doubt` = 0;
