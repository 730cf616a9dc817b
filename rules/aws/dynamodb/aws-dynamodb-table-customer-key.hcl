rule "aws-dynamodb-table-customer-key" {
  title     = "DynamoDB table is not encrypted with a customer-managed KMS key"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_dynamodb_table"]
  aliases   = ["CKV_AWS_119", "AVD-AWS-0025", "aws-dynamodb-table-customer-key"]

  description = <<-EOT
    Every DynamoDB table is encrypted at rest. Without a `server_side_encryption` block with
    `enabled = true`, the key is one AWS owns (invisible in the account); with `enabled = true`
    and no `kms_key_arn`, or with `alias/aws/dynamodb`, it is the AWS-managed key, whose policy
    the customer cannot change. Only a customer-managed key lets the customer restrict who may
    decrypt the table, its backups and its streams, revoke access by disabling the key, and see
    each use in CloudTrail. Which key protects sensitive tables is the customer's decision under
    the shared responsibility model. Severity is low: the data is encrypted; only control over
    the key is missing.
  EOT
  remediation = <<-EOT
    Turn on KMS encryption with a customer-managed key:

    ```hcl
    resource "aws_dynamodb_table" "orders" {
      # ...
      server_side_encryption {
        enabled     = true
        kms_key_arn = aws_kms_key.orders.arn
      }
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table#server_side_encryption",
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html",
  ]

  assert {
    attribute "server_side_encryption.enabled" {
      equals = true
    }
    attribute "server_side_encryption.kms_key_arn" {
      present     = true
      not_matches = "^(arn:aws[a-z-]*:kms:[^:]*:[0-9]*:)?alias/aws/dynamodb$"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_dynamodb_table" "orders" {  # expect: aws-dynamodb-table-customer-key
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

  example "bad" {
    code = <<-EOT
      resource "aws_dynamodb_table" "orders" {
        name         = "orders"
        billing_mode = "PAY_PER_REQUEST"
        hash_key     = "id"

        attribute {
          name = "id"
          type = "S"
        }

        server_side_encryption {
          enabled     = true
          kms_key_arn = "alias/aws/dynamodb"  # expect: aws-dynamodb-table-customer-key
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_kms_key" "orders" {
        description         = "orders table"
        enable_key_rotation = true
      }

      resource "aws_dynamodb_table" "orders" {
        name         = "orders"
        billing_mode = "PAY_PER_REQUEST"
        hash_key     = "id"

        attribute {
          name = "id"
          type = "S"
        }

        # The key is ignored while encryption with it is not enabled.
        server_side_encryption {
          enabled     = false  # expect: aws-dynamodb-table-customer-key
          kms_key_arn = aws_kms_key.orders.arn
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "orders" {
        description         = "orders table"
        enable_key_rotation = true
      }

      resource "aws_dynamodb_table" "orders" {
        name         = "orders"
        billing_mode = "PAY_PER_REQUEST"
        hash_key     = "id"

        attribute {
          name = "id"
          type = "S"
        }

        server_side_encryption {
          enabled     = true
          kms_key_arn = aws_kms_key.orders.arn
        }
      }
    EOT
  }
}
