/** `说明材料，工作资料` (or `,` `、` `；` line breaks) → the kinds in order, blanks dropped. */
export function splitEvidence(raw: string): string[] {
  return raw
    .split(/[,，、;；\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** The kinds as one line for an input, separated as the document prints them. */
export const joinEvidence = (kinds: readonly string[]): string => kinds.join("，");
