// Must NOT compile: the transition models have no `multi_shot` (tests/frontend.rs expects tsc
// to name it).
import type { CreateJobRequest } from "./request";

export const body: CreateJobRequest = {
  model: "pixverse/pixverse-6.0/transition",
  args: { prompt: "p", image: "i", image_tail: "t", multi_shot: true },
};
