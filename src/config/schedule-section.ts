/**
 * The config file's `schedule:` section (filled in by the schedule command's settings).
 */
import { z } from 'zod';

export const scheduleSectionSchema = z.object({}).strict();

export type ScheduleSection = z.infer<typeof scheduleSectionSchema>;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ScheduleSettings {}

export function resolveSchedule(_section: ScheduleSection | undefined): ScheduleSettings {
  return {};
}
