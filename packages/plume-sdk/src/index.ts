// Public surface of @org/plume-sdk. It is filled by its own issue; until then it exports nothing.
export {};
