rule "aws-athena-results-encryption" {
  title     = "Athena workgroup or database does not encrypt query results"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_athena_workgroup", "aws_athena_database"]
  aliases   = ["CKV_AWS_159", "AVD-AWS-0006", "aws-athena-enable-at-rest-encryption"]

  description = <<-EOT
    Athena writes every query result, a copy of whatever data the query selected, to the S3
    output location. Without an `encryption_configuration` (in
    `configuration.result_configuration` of an `aws_athena_workgroup`, or on an
    `aws_athena_database`) the results are stored with whatever the bucket does by default, and
    the workgroup does not require SSE-S3, SSE-KMS or CSE-KMS. Query results are often more
    sensitive than the tables (joined, filtered personal data) and outlive the query. Encrypting
    them is the customer's setting under the shared responsibility model. Severity is high:
    potentially sensitive data stored without the encryption the customer chose.
  EOT
  remediation = <<-EOT
    Encrypt the results, preferably with a customer-managed key:

    ```hcl
    resource "aws_athena_workgroup" "analytics" {
      name = "analytics"

      configuration {
        enforce_workgroup_configuration = true

        result_configuration {
          output_location = "s3://example-athena-results/"

          encryption_configuration {
            encryption_option = "SSE_KMS"
            kms_key_arn       = aws_kms_key.athena.arn
          }
        }
      }
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/athena_workgroup#encryption_configuration",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/athena_database#encryption_configuration",
    "https://docs.aws.amazon.com/athena/latest/ug/encrypting-query-results-stored-in-s3.html",
  ]

  assert {
    any {
      attribute "configuration.result_configuration.encryption_configuration.encryption_option" {
        present = true
      }
      attribute "encryption_configuration.encryption_option" {
        present = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_athena_workgroup" "analytics" {
        name = "analytics"

        configuration {
          result_configuration {  # expect: aws-athena-results-encryption
            output_location = "s3://example-athena-results/"
          }
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_athena_database" "events" {  # expect: aws-athena-results-encryption
        name   = "events"
        bucket = "example-athena-results"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_athena_workgroup" "analytics" {
        name = "analytics"

        configuration {
          result_configuration {
            output_location = "s3://example-athena-results/"

            encryption_configuration {
              encryption_option = "SSE_KMS"
              kms_key_arn       = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
            }
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_athena_database" "events" {
        name   = "events"
        bucket = "example-athena-results"

        encryption_configuration {
          encryption_option = "SSE_S3"
        }
      }
    EOT
  }
}
