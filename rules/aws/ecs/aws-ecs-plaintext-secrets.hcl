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
    flags environment entries whose name says PASSWORD, SECRET, TOKEN, API_KEY or PRIVATE_KEY with
    a literal value, and any AWS access key ID (`AKIA...`, `ASIA...`) in the definitions. Entries
    in `secrets` (`valueFrom`) are never flagged.
  EOT
  remediation = "Move the value to Secrets Manager or SSM Parameter Store and reference it from the container's `secrets` list (`{ name = \"DB_PASSWORD\", valueFrom = aws_secretsmanager_secret.db.arn }`), with the task execution role allowed to read it."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html",
  ]

  assert {
    attribute "container_definitions" {
      not_matches = "\"name\"\\s*:\\s*\"[^\"]*(?i:password|passwd|secret|token|api_?key|private_?key)[^\"]*\"\\s*,\\s*\"value\"\\s*:\\s*\"[^\"]+\"|\"value\"\\s*:\\s*\"[^\"]+\"\\s*,\\s*\"name\"\\s*:\\s*\"[^\"]*(?i:password|passwd|secret|token|api_?key|private_?key)[^\"]*\"|\\b(AKIA|ASIA)[A-Z0-9]{16}\\b"
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
}
