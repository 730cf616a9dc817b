rule "aws-secretsmanager-rotation-interval" {
  title     = "Secrets Manager secret is rotated less often than every 90 days"
  severity  = "low"
  area      = "identity-access"
  resources = ["aws_secretsmanager_secret_rotation"]
  aliases   = ["CKV_AWS_304"]

  description = <<-EOT
    Rotation bounds how long a leaked copy of a secret stays useful. With
    `rotation_rules { automatically_after_days = 365 }` a password copied into a log or a laptop
    keeps working for up to a year. Ninety days is the common upper bound in security standards
    for credentials that cannot be avoided. Low: rotation is configured, only its interval is
    long. Credential lifecycle is the customer's side of the shared responsibility model. A
    `schedule_expression` (`rate(...)` or `cron(...)`) is not judged by this rule.
  EOT
  remediation = <<-EOT
    Rotate at least every 90 days:

        resource "aws_secretsmanager_secret_rotation" "db" {
          secret_id           = aws_secretsmanager_secret.db.id
          rotation_lambda_arn = aws_lambda_function.rotate_db.arn

          rotation_rules {
            automatically_after_days = 30
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/secretsmanager_secret_rotation",
    "https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_schedule.html",
  ]

  assert {
    each "rotation_rules" {
      any {
        attribute "automatically_after_days" {
          lte = 90
        }
        attribute "schedule_expression" {
          present = true
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_secretsmanager_secret_rotation" "db" {
        secret_id           = "prod/db/password"
        rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111111111111:function:rotate-db"

        rotation_rules {
          automatically_after_days = 365  # expect: aws-secretsmanager-rotation-interval
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_secretsmanager_secret_rotation" "db" {
        secret_id           = "prod/db/password"
        rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111111111111:function:rotate-db"

        rotation_rules {
          automatically_after_days = 30
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_secretsmanager_secret_rotation" "db" {
        secret_id = "prod/db/password"

        rotation_rules {
          schedule_expression = "rate(4 hours)"
        }
      }
    EOT
  }
}
