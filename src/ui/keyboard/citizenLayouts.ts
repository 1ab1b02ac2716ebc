/**
 * Keyboards made for what citizens type on civil documents, not desktop layouts: no tab, caps
 * lock, @, #, $ or other symbols a form never needs, and every letter of the script on the
 * first layer, so a citizen never hunts behind a shift key for a letter of their own name.
 * (Shift on the French keyboards only gives capitals.)
 */

/** French letters beyond a–z that names and addresses carry. */
export const FRENCH_ACCENTED = ['é', 'è', 'ê', 'ë', 'à', 'â', 'ç', 'î', 'ï', 'ô', 'ù', 'û', 'ü'] as const;

/** Latin names as on the CNIE: AZERTY letters, the accents, apostrophe (Aït, D'Amico) and hyphen on the first layer. */
export const frenchNameRows = {
  default: ['a z e r t y u i o p {bksp}', 'q s d f g h j k l m', "{shift} w x c v b n ' - {enter}", 'é è ê ë à â ç î ï ô ù û ü', '{space}'],
  shift: ['A Z E R T Y U I O P {bksp}', 'Q S D F G H J K L M', "{shift} W X C V B N ' - {enter}", 'É È Ê Ë À Â Ç Î Ï Ô Ù Û Ü', '{space}'],
};

/** Free text in Latin script (an address): the same letters, with digits, comma and full stop. */
export const frenchTextRows = {
  default: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'a z e r t y u i o p', 'q s d f g h j k l m', "{shift} w x c v b n ' - {enter}", 'é è ê ë à â ç î ï ô ù û ü', ', . {space}'],
  shift: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'A Z E R T Y U I O P', 'Q S D F G H J K L M', "{shift} W X C V B N ' - {enter}", 'É È Ê Ë À Â Ç Î Ï Ô Ù Û Ü', ', . {space}'],
};

/** The hamza on its seats, which a desktop layout hides behind shift. No tatweel: it is not a letter of a name. */
export const ARABIC_HAMZA_FORMS = ['ء', 'أ', 'إ', 'آ', 'ؤ', 'ئ'] as const;

/**
 * Arabic names: the 28 letters in the order of the Arabic keyboards people know (ذ moved in from
 * the corner key), the hamza forms, ta marbuta and alif maqsura, all on one layer.
 */
export const arabicNameRows = {
  default: ['ض ص ث ق ف غ ع ه خ ح ج د {bksp}', 'ش س ي ب ل ا ت ن م ك ط ذ', 'ئ ء ؤ ر ى ة و ز ظ {enter}', 'أ إ آ -', '{space}'],
};

/** Free text in Arabic script (an address): the same letters, with digits, the Arabic comma and a full stop. */
export const arabicTextRows = {
  default: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'ض ص ث ق ف غ ع ه خ ح ج د', 'ش س ي ب ل ا ت ن م ك ط ذ', 'ئ ء ؤ ر ى ة و ز ظ {enter}', 'أ إ آ - ، .', '{space}'],
};
