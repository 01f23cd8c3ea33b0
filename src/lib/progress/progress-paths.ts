/**
 * Learning paths as the progress code reads them from the page: each step's keys and the keys
 * it builds on, written into data attributes by the components (LearningPath.astro and others),
 * and the summary a reader with no marks sees before any script runs.
 */
import type { AtlasEntry, ContentGraph } from '../views/graph.ts';
import { learningPath, type LearningStep } from '../views/learning-path.ts';
import { markKey, type PathProgress, pathProgress, type PathStep } from './progress.ts';

/** The id of a step's item on its role's learning path (a link target), and the words that name the step. */
export const stepAnchor = (step: LearningStep) => (step.choice ? 'learn-server-language' : `learn-${step.skill.id}`);
export const stepTitle = (step: LearningStep) => (step.choice ? 'One server language' : step.skill.data.title);

/** A step as progress counts it: a language step is done when any one of its languages is. */
export function pathStep(step: LearningStep): PathStep {
  return { keys: (step.choice ?? [step.skill]).map(markKey), core: step.reason === 'core', after: step.after.map(markKey) };
}

/** A role's core steps for a data-role-progress attribute: steps apart by spaces, a language step's options joined by "|". */
export function coreStepsAttribute(graph: ContentGraph, role: AtlasEntry<'roles'>): string {
  return learningPath(graph, role)
    .map(pathStep)
    .filter((step) => step.core)
    .map((step) => step.keys.join('|'))
    .join(' ');
}

/** How a path reads with no marks yet: what the page shows before any script runs. */
export function unmarkedProgress(steps: readonly LearningStep[]): PathProgress {
  return pathProgress(steps.map(pathStep), new Map());
}
