/** Widths of the six columns of the sheet lists, shared so the department and project tables line up. */
export const LIST_COLUMN_WIDTHS = ["20%", "40%", "10%", "12%", "8%", "10%"] as const;
