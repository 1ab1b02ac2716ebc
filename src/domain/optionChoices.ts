import type { PromptId } from './audioPrompts';

/**
 * How an answer of a catalogue `select` field (proof of address: a bill, a title deed…) is
 * drawn and said, by convention rather than in the catalogue itself: kiosks of earlier versions
 * parse the catalogue strictly and would refuse one whose options carried new members. The
 * build ships the pictogram `option-<field>-<value>` (kebab case) and the manifest prompt
 * `option.<field>_<value>`; an option an office adds without them shows the `generic` pictogram
 * and, with guidance on, is still armed by a first touch and taken by a second.
 */

const kebab = (text: string) =>
  text
    .replace(/[A-Z]/g, (capital) => `-${capital.toLowerCase()}`)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

export function optionPictogram(fieldKey: string, value: string): string {
  return `option-${kebab(fieldKey)}-${kebab(value)}`;
}

export function optionPromptId(fieldKey: string, value: string): PromptId {
  return `option.${fieldKey}_${value}`;
}
