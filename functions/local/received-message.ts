/** The parts of a Block Kit message the chat client and the tests read back from the fake Slack API. */
export type Block = {
  readonly type: string;
  readonly block_id?: string;
  readonly text?: { readonly text: string };
  readonly fields?: readonly { readonly text: string }[];
  readonly label?: { readonly text: string };
  readonly elements?: readonly {
    readonly type: string;
    readonly text?: string | { readonly text: string };
    readonly action_id?: string;
    readonly value?: string;
    readonly url?: string;
  }[];
};

export type SlackMessage = {
  readonly response_type?: string;
  readonly text?: string;
  readonly blocks?: readonly Block[];
};
