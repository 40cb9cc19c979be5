// A small typed form, as a frontend writes it against the generated types (request.ts, made
// from the draft 2020-12 create-job body schema). tests/frontend.rs compiles it with tsc
// --strict: it must compile.
import type {
  CreateJobRequest,
  Pixverse55TextToVideoArgs,
  Pixverse60TransitionRequest,
} from "./request";

// One model's args, built field by field as a form does.
const args: Pixverse55TextToVideoArgs = { prompt: "a black lab swimming" };
args.resolution = "1080p";
args.duration = "5";
args.aspect_ratio = "9:16";
args.generate_audio = true;
args.multi_shot = false;

const bodies: CreateJobRequest[] = [
  { model: "pixverse/pixverse-5.5/text-to-video", args },
  {
    model: "pixverse/pixverse-6.0/image-to-video",
    args: { prompt: "a lab", image: "https://example.com/lab.png", duration: "8" },
    callback_url: "https://example.com/hook",
  },
  {
    model: "pixverse/pixverse-5.5/transition",
    args: {
      prompt: "day to night",
      image: "https://example.com/day.png",
      image_tail: "https://example.com/night.png",
    },
  },
];

const transition: Pixverse60TransitionRequest = {
  model: "pixverse/pixverse-6.0/transition",
  args: { prompt: "p", image: "i", image_tail: "t", resolution: "540p" },
};
bodies.push(transition);

// The union is told apart by `model`: each branch sees only its model's options.
export function describe(body: CreateJobRequest): string {
  switch (body.model) {
    case "pixverse/pixverse-5.5/transition":
    case "pixverse/pixverse-6.0/transition":
      return `${body.model}: ${body.args.image} to ${body.args.image_tail}`;
    case "pixverse/pixverse-5.5/image-to-video":
    case "pixverse/pixverse-6.0/image-to-video":
      return `${body.model}: ${body.args.image}, multi_shot ${body.args.multi_shot ?? false}`;
    default:
      return `${body.model}: ${body.args.prompt}`;
  }
}

export const described = bodies.map(describe);
