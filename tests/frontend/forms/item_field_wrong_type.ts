// Must NOT compile: a shot's `duration` is a number, not a string (tests/frontend.rs expects
// tsc to name the string); Kling 3.0's shots are a list of objects, open beyond the cut.
import type { CreateJobRequest } from "./request";

export const body: CreateJobRequest = {
  model: "kwaivgi/kling-3.0/text-to-video",
  args: { shot_type: "customize", multi_shot: true, multi_prompt: [{ duration: "5" }] },
};
