// Public surface of @org/bot-formatting. It is filled by its own issue; until then it exports nothing.
export {};
