rule "aws-lambda-environment-customer-key" {
  title     = "Lambda environment variables are not encrypted with a customer-managed KMS key"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_lambda_function"]
  aliases   = ["CKV_AWS_173"]

  description = <<-EOT
    Lambda encrypts environment variables at rest with the AWS-managed `aws/lambda` key, which any
    principal allowed to read the function configuration in the account can use to see the values
    in the console or through `GetFunctionConfiguration`. With `kms_key_arn` set to a
    customer-managed key, reading them also needs permission on a key policy the customer controls.
    Key management is the customer's choice under the shared responsibility model. Low: the values
    are encrypted either way, and secrets belong in Secrets Manager. Functions without an
    `environment` block are out of scope.
  EOT
  remediation = "Set `kms_key_arn` on the function to an `aws_kms_key` whose policy allows decryption only to the function's role and its operators."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#kms_key_arn",
    "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html",
  ]

  when {
    attribute "environment.variables" {
      present = true
    }
  }

  assert {
    attribute "kms_key_arn" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_lambda_function" "api" {  # expect: aws-lambda-environment-customer-key
        function_name = "api"
        role          = "arn:aws:iam::123456789012:role/api"
        runtime       = "python3.12"
        handler       = "app.handler"
        filename      = "api.zip"

        environment {
          variables = {
            TABLE_NAME = "orders"
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_lambda_function" "api" {
        function_name = "api"
        role          = "arn:aws:iam::123456789012:role/api"
        runtime       = "python3.12"
        handler       = "app.handler"
        filename      = "api.zip"
        kms_key_arn   = "arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-0000-0000-000000000000"

        environment {
          variables = {
            TABLE_NAME = "orders"
          }
        }
      }

      resource "aws_lambda_function" "plain" {
        function_name = "plain"
        role          = "arn:aws:iam::123456789012:role/plain"
        runtime       = "python3.12"
        handler       = "app.handler"
        filename      = "plain.zip"
      }
    EOT
  }
}
