/** The category of `Category-id` is everything before the first dash. */
export const categoryOf = (streamName: string): string => {
  const dash = streamName.indexOf('-');
  return dash < 0 ? streamName : streamName.slice(0, dash);
};

export const streamName = (category: string, id: string): string => `${category}-${id}`;
