// Must NOT compile: `resoluton` is not an option (tests/frontend.rs expects tsc to name it).
import type { CreateJobRequest } from "./request";

export const body: CreateJobRequest = {
  model: "pixverse/pixverse-5.5/text-to-video",
  args: { prompt: "a black lab swimming", resoluton: "1080p" },
};
