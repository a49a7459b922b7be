import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Activity, ActivityCreate } from '../../../../shared/domain/work/activity.schema';
import type { HomePage } from '../../../../shared/domain/work/home';
import type { Task, TaskCreate, TaskPatch, TaskView } from '../../../../shared/domain/work/task.schema';
import { api } from './client';
import { useInvalidatingMutation } from './mutation';
import type { Page } from './types';

/** Tasks, activities and the home page (the work context); types come from the API's own schemas. */
export type { Activity, ActivityKind } from '../../../../shared/domain/work/activity.schema';
export type { HomePage } from '../../../../shared/domain/work/home';
export type { Task, TaskPriority, TaskStatus, TaskView } from '../../../../shared/domain/work/task.schema';
export type { MergedTimelineEntry } from '../../../../shared/domain/work/timeline';

/** The browser's zone: "today" on the server is the user's day. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export const workKeys = {
  tasks: ['tasks'] as const,
  list: (filters: object) => ['tasks', 'list', filters] as const,
  task: (id: string) => ['tasks', 'detail', id] as const,
  home: ['home'] as const,
};

const TASK_PAGE = 50;

export function useTasks(filters: { view: TaskView; related?: string; assigneeId?: string }, enabled = true) {
  const tz = browserTimeZone();
  return useInfiniteQuery({
    queryKey: workKeys.list({ ...filters, tz }),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Task>>('/api/tasks', { ...filters, tz, limit: TASK_PAGE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useTask(id: string | undefined) {
  return useQuery({
    queryKey: workKeys.task(id ?? ''),
    queryFn: ({ signal }) => api.get<Task>(`/api/tasks/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useHome() {
  const tz = browserTimeZone();
  return useQuery({
    queryKey: [...workKeys.home, tz],
    queryFn: ({ signal }) => api.get<HomePage>('/api/dashboard/home', { tz }, signal),
  });
}

/** Any task change may move it between lists, the home page and a record's tasks. */
const STALE_AFTER_WORK = [workKeys.tasks, workKeys.home];

export function useCreateTask() {
  return useInvalidatingMutation({
    invalidates: STALE_AFTER_WORK,
    mutationFn: (body: Omit<TaskCreate, 'priority'> & { priority?: TaskCreate['priority'] }) =>
      api.create<Task>('/api/tasks', body),
  });
}

export function useUpdateTask() {
  return useInvalidatingMutation({
    invalidates: STALE_AFTER_WORK,
    mutationFn: ({ task, patch }: { task: Task; patch: Omit<TaskPatch, 'version'> }) =>
      api.patch<Task>(`/api/tasks/${encodeURIComponent(task.id)}`, { ...patch, version: task.version }),
  });
}

export function useCompleteTask() {
  return useInvalidatingMutation({
    invalidates: STALE_AFTER_WORK,
    mutationFn: (task: Task) =>
      api.post<Task>(`/api/tasks/${encodeURIComponent(task.id)}/complete`, { version: task.version }),
  });
}

export function useDeleteTask() {
  return useInvalidatingMutation({
    invalidates: STALE_AFTER_WORK,
    mutationFn: (task: Task) => api.delete(`/api/tasks/${encodeURIComponent(task.id)}`),
  });
}

/**
 * Logs an activity on a record; the record's timeline (whose query key the caller passes) and
 * the home page's recent activity change with it.
 */
export function useLogActivity(timelineKey: readonly unknown[]) {
  return useInvalidatingMutation({
    invalidates: [timelineKey, workKeys.home],
    mutationFn: (body: ActivityCreate) => api.create<Activity>('/api/activities', body),
  });
}

export function useDeleteActivity(timelineKey: readonly unknown[]) {
  return useInvalidatingMutation({
    invalidates: [timelineKey, workKeys.home],
    mutationFn: (activity: Activity) => api.delete(`/api/activities/${encodeURIComponent(activity.id)}`),
  });
}
