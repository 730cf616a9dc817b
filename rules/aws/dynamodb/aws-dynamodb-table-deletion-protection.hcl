rule "aws-dynamodb-table-deletion-protection" {
  title     = "DynamoDB table does not have deletion protection enabled"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_dynamodb_table"]

  description = <<-EOT
    Deleting a DynamoDB table deletes its data at once; point-in-time recovery backups survive
    only for their retention window and must be restored into a new table. With
    `deletion_protection_enabled = true` (added late in provider 4.x; default `false`) the API
    refuses `DeleteTable` until the setting is turned off in a separate change, which stops an
    accidental `terraform destroy`, a refactor that renames the resource, or a stolen credential
    from removing the table in one step. Protecting data from loss is the customer's side of the
    shared responsibility model. Severity is low: backups (see
    `aws-dynamodb-point-in-time-recovery`) remain the main recovery control.
  EOT
  remediation = <<-EOT
    Turn on deletion protection:

    ```hcl
    resource "aws_dynamodb_table" "orders" {
      # ...
      deletion_protection_enabled = true
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table#deletion_protection_enabled",
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection",
  ]

  assert {
    attribute "deletion_protection_enabled" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_dynamodb_table" "orders" {  # expect: aws-dynamodb-table-deletion-protection
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
        name                        = "orders"
        billing_mode                = "PAY_PER_REQUEST"
        hash_key                    = "id"
        deletion_protection_enabled = true

        attribute {
          name = "id"
          type = "S"
        }
      }
    EOT
  }
}
