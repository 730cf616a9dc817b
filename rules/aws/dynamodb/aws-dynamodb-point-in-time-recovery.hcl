rule "aws-dynamodb-point-in-time-recovery" {
  title     = "DynamoDB table does not have point-in-time recovery enabled"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_dynamodb_table"]
  aliases   = ["CKV_AWS_28", "AVD-AWS-0024", "aws-dynamodb-enable-recovery"]

  description = <<-EOT
    Point-in-time recovery keeps continuous backups of a table so it can be restored to any second
    of the recovery window (35 days by default). Without it, a faulty deployment, a script that
    deletes or overwrites items, or an attacker with write access can destroy data that can then
    only be recovered from whatever on-demand backups happen to exist. AWS keeps the table
    durable, but protecting it against its own writers is the customer's job under the shared
    responsibility model. `point_in_time_recovery.enabled` defaults to `false`.
  EOT
  remediation = "Add `point_in_time_recovery { enabled = true }` to the `aws_dynamodb_table` (optionally with `recovery_period_in_days`)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table",
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html",
  ]

  assert {
    attribute "point_in_time_recovery.enabled" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_dynamodb_table" "orders" {  # expect: aws-dynamodb-point-in-time-recovery
        name         = "orders"
        billing_mode = "PAY_PER_REQUEST"
        hash_key     = "id"

        attribute {
          name = "id"
          type = "S"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_dynamodb_table" "orders" {
        name         = "orders"
        billing_mode = "PAY_PER_REQUEST"
        hash_key     = "id"

        attribute {
          name = "id"
          type = "S"
        }

        point_in_time_recovery {
          enabled = true
        }
      }
    EOT
  }
}
