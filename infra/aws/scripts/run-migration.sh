#!/usr/bin/env bash
# Runs the one-off migration task of an MPP instance and fails unless it exits 0.
# Called by `pulumi up` (the Service's migrate command) before the app service rolls out;
# it can also be run by hand with the same variables (see docs/launch-guide).
set -euo pipefail
: "${MPP_REGION:?}" "${MPP_CLUSTER:?}" "${MPP_TASK_DEFINITION:?}" "${MPP_SUBNETS:?}" "${MPP_SECURITY_GROUP:?}"

task_arn=$(aws ecs run-task \
  --region "$MPP_REGION" \
  --cluster "$MPP_CLUSTER" \
  --task-definition "$MPP_TASK_DEFINITION" \
  --launch-type FARGATE \
  --count 1 \
  --network-configuration "awsvpcConfiguration={subnets=[$MPP_SUBNETS],securityGroups=[$MPP_SECURITY_GROUP],assignPublicIp=DISABLED}" \
  --query 'tasks[0].taskArn' --output text)
echo "migration task: $task_arn"

aws ecs wait tasks-stopped --region "$MPP_REGION" --cluster "$MPP_CLUSTER" --tasks "$task_arn"

# The roles step (master user) runs first; the migrations start only if it exits 0.
roles_exit=$(aws ecs describe-tasks --region "$MPP_REGION" --cluster "$MPP_CLUSTER" --tasks "$task_arn" \
  --query 'tasks[0].containers[?name==`db-roles`].exitCode | [0]' --output text)
if [ "$roles_exit" != "0" ]; then
  echo "database roles step failed (exit code $roles_exit); see the db-roles log / langkah peran basis data gagal (kode $roles_exit); lihat log db-roles" >&2
  exit 1
fi

exit_code=$(aws ecs describe-tasks --region "$MPP_REGION" --cluster "$MPP_CLUSTER" --tasks "$task_arn" \
  --query 'tasks[0].containers[?name==`migrate`].exitCode | [0]' --output text)
if [ "$exit_code" != "0" ]; then
  echo "migration failed (exit code $exit_code); the app was not rolled out / migrasi gagal (kode $exit_code); aplikasi tidak diperbarui" >&2
  exit 1
fi
echo "migrations applied / migrasi selesai"
