// Must NOT compile: "4k" is not a resolution (tests/frontend.rs expects tsc to name it).
import type { CreateJobRequest } from "./request";

export const body: CreateJobRequest = {
  model: "pixverse/pixverse-6.0/text-to-video",
  args: { prompt: "a black lab swimming", resolution: "4k" },
};
