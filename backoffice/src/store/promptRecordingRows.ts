/**
 * SQL shared by both engines' prompt-recording stores (one home for the rule of which take plays).
 * The table is aliased `r` in the statements that use it.
 */

/** The take the kiosks play: the staff one, else the synthesised one. */
export const PLAYED_TAKE = `(origin = 'staff' OR NOT EXISTS (
  SELECT 1 FROM office_prompt_recordings staff
  WHERE staff.office_id = r.office_id AND staff.prompt_id = r.prompt_id AND staff.language = r.language AND staff.origin = 'staff'))`;
