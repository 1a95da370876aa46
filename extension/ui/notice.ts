/** What a screen says after an action: a confirmation, or a refusal to show as an error. */
export type Notice = { text: string; error: boolean };
