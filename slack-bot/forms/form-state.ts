/** A submitted form's values as Slack sends them: block id → action id → the element's state. */
export type FormState = Readonly<
  Record<
    string,
    Readonly<
      Record<
        string,
        {
          readonly type?: string;
          readonly value?: string | null;
          readonly selected_option?: { readonly value: string } | null;
          readonly selected_options?: readonly { readonly value: string }[];
        }
      >
    >
  >
>;

const element = (state: FormState, blockId: string) => {
  const block = state[blockId];
  return block ? Object.values(block)[0] : undefined;
};

/** A number field's value; undefined when left empty. */
export const numberAt = (state: FormState, blockId: string): number | undefined => {
  const raw = element(state, blockId)?.value;
  return raw === undefined || raw === null || raw.trim() === '' ? undefined : Number(raw);
};

export const selectedAt = (state: FormState, blockId: string): string | undefined =>
  element(state, blockId)?.selected_option?.value;

export const selectedManyAt = (state: FormState, blockId: string): string[] =>
  (element(state, blockId)?.selected_options ?? []).map((option) => option.value);
