// Must NOT compile: image-to-video needs `image` (tests/frontend.rs expects tsc to name it).
import type { CreateJobRequest } from "./request";

export const body: CreateJobRequest = {
  model: "pixverse/pixverse-5.5/image-to-video",
  args: { prompt: "a black lab swimming" },
};
