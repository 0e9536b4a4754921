// Public surface of @org/plume-simulator. It is filled by its own issue; until then it exports nothing.
export {};
