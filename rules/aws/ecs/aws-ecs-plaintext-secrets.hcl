rule "aws-ecs-plaintext-secrets" {
  title     = "ECS container definition has a secret in a plain environment variable"
  severity  = "high"
  area      = "identity-access"
  secret_values = true
  resources = ["aws_ecs_task_definition"]
  aliases   = ["AVD-AWS-0036", "aws-ecs-no-plaintext-secrets"]

  description = <<-EOT
    Values in a container definition's `environment` list are stored in the task definition, which
    anyone with `ecs:DescribeTaskDefinition` can read, in every revision, in the Terraform state and
    in the repository. A password, token or AWS access key there is a credential handed to all of
    them, and it cannot be rotated without a new revision. ECS offers the `secrets` list, which
    injects values from Secrets Manager or SSM Parameter Store at start; using it is the
    customer's side of the shared responsibility model. High: a readable credential. The rule
    flags environment entries whose name ends in PASSWORD, PASSWD, SECRET, TOKEN, API_KEY,
    PRIVATE_KEY, SECRET_KEY, ACCESS_KEY or CREDENTIAL(S) with a literal value, and, anywhere in
    the definitions, strings shaped like an AWS access key ID (`AKIA...`, `ASIA...`) or a
    well-known token (GitHub `ghp_`/`github_pat_`, Slack `xox?-`, Stripe `sk_live_`, GitLab
    `glpat-`, Google API `AIza`). Entries in `secrets` (`valueFrom`) are never flagged, nor are
    values that point at a secret instead of holding it (an ARN, an SSM parameter path starting
    with `/`) or that are plain numbers (`TOKEN_TTL_SECONDS = "3600"`), nor names that only
    mention a secret (`DB_PASSWORD_ARN`, `SECRET_NAME`). Values built with `merge()` of locals
    and `for` expressions are evaluated before the test.
  EOT
  remediation = "Move the value to Secrets Manager or SSM Parameter Store and reference it from the container's `secrets` list (`{ name = \"DB_PASSWORD\", valueFrom = aws_secretsmanager_secret.db.arn }`), with the task execution role allowed to read it."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html",
  ]

  assert {
    attribute "container_definitions" {
      not_matches = "\"name\"\\s*:\\s*\"[^\"]*(?i:password|passwd|secret|token|api_?key|private_?key|secret_?key|access_?key|credentials?)\"\\s*,\\s*\"value\"\\s*:\\s*\"(?:[^\"a/0-9{][^\"]*|a(?:[^\"r][^\"]*)?|ar(?:[^\"n][^\"]*)?|arn(?:[^\":][^\"]*)?|[0-9][0-9.]*[^\"0-9.][^\"]*)\"|\"value\"\\s*:\\s*\"(?:[^\"a/0-9{][^\"]*|a(?:[^\"r][^\"]*)?|ar(?:[^\"n][^\"]*)?|arn(?:[^\":][^\"]*)?|[0-9][0-9.]*[^\"0-9.][^\"]*)\"\\s*,\\s*\"name\"\\s*:\\s*\"[^\"]*(?i:password|passwd|secret|token|api_?key|private_?key|secret_?key|access_?key|credentials?)\"|\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b|\\bgh[pousr]_[A-Za-z0-9]{36}\\b|\\bgithub_pat_[A-Za-z0-9_]{22,}|\\bxox[abprs]-[A-Za-z0-9-]{10,}|\\bsk_live_[0-9A-Za-z]{24,}|\\bglpat-[0-9A-Za-z_-]{20}|\\bAIza[0-9A-Za-z_-]{35}"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ecs_task_definition" "api" {
        family = "api"
        container_definitions = jsonencode([  # expect: aws-ecs-plaintext-secrets
          {
            name      = "api"
            image     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:3.1.0"
            memory    = 512
            essential = true
            environment = [
              { name = "DB_HOST", value = "db.internal" },
              { name = "DB_PASSWORD", value = "correct-horse-battery" },
            ]
          }
        ])
      }
    EOT
  }

  example "bad" {
    lines = [3]
    code  = <<-EOT
      resource "aws_ecs_task_definition" "sync" {
        family                = "sync"
        container_definitions = <<-JSON
          [
            {
              "name": "sync",
              "image": "example/sync:1.0",
              "memory": 256,
              "environment": [
                {"value": "AKIAZ7QEXAMPLE4KEY12", "name": "AWS_ACCESS_KEY_ID"}
              ]
            }
          ]
        JSON
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_ecs_task_definition" "api" {
        family             = "api"
        execution_role_arn = "arn:aws:iam::123456789012:role/api-execution"
        container_definitions = jsonencode([
          {
            name      = "api"
            image     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:3.1.0"
            memory    = 512
            essential = true
            environment = [
              { name = "DB_HOST", value = "db.internal" },
              { name = "TOKEN_TTL_SECONDS", value = "" },
            ]
            secrets = [
              { name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf" },
            ]
          }
        ])
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      locals {
        common_env = {
          LOG_LEVEL = "info"
        }
        worker_env = merge(local.common_env, {
          PAYMENTS_API_KEY = "pk-7Hq2-live-93jd"
        })
      }
      resource "aws_ecs_task_definition" "worker" {
        family = "worker"
        container_definitions = jsonencode([  # expect: aws-ecs-plaintext-secrets
          {
            name        = "worker"
            image       = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/worker:1.2.0"
            memory      = 256
            environment = [for k, v in local.worker_env : { name = k, value = v }]
          }
        ])
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ecs_task_definition" "bot" {
        family = "bot"
        container_definitions = jsonencode([  # expect: aws-ecs-plaintext-secrets
          {
            name        = "bot"
            image       = "example/bot:2.0"
            memory      = 256
            environment = [{ name = "GH_AUTH", value = "ghp_Zq81LmNo02PqRs34TuVw56XyZa78BcDe90Fg" }]
          }
        ])
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      # References to a secret, numbers and names that only mention a secret are not secrets.
      resource "aws_ecs_task_definition" "api" {
        family = "api"
        container_definitions = jsonencode([
          {
            name   = "api"
            image  = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:3.1.0"
            memory = 512
            environment = [
              { name = "DB_PASSWORD", value = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf" },
              { name = "API_TOKEN", value = "/prod/api/token" },
              { name = "TOKEN_TTL_SECONDS", value = "3600" },
              { name = "SECRET_NAME", value = "prod/db" },
            ]
          }
        ])
      }
    EOT
  }
}
