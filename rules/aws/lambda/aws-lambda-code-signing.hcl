rule "aws-lambda-code-signing" {
  title     = "Lambda function does not enforce code signing"
  severity  = "low"
  area      = "application-workload"
  resources = ["aws_lambda_function"]
  aliases   = ["CKV_AWS_272"]

  description = <<-EOT
    Without a code signing configuration Lambda runs any deployment package uploaded with
    `lambda:UpdateFunctionCode`, so a leaked CI credential or a tampered artifact bucket is enough
    to replace the function's code. With `code_signing_config_arn` pointing at a configuration that
    enforces signatures from approved AWS Signer profiles, unsigned or altered packages are
    rejected. Supply-chain integrity of the code is the customer's side of the shared
    responsibility model. Low: it guards against a follow-on attack. Container-image functions
    cannot use code signing and are out of scope.
  EOT
  remediation = "Create an `aws_lambda_code_signing_config` with `allowed_publishers` and `untrusted_artifact_on_deployment = \"Enforce\"`, and set `code_signing_config_arn` on the function."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#code_signing_config_arn",
    "https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html",
  ]

  when {
    attribute "package_type" {
      equals  = "Zip"
      default = "Zip"
    }
  }

  assert {
    attribute "code_signing_config_arn" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_lambda_function" "api" {  # expect: aws-lambda-code-signing
        function_name = "api"
        role          = "arn:aws:iam::123456789012:role/api"
        runtime       = "python3.12"
        handler       = "app.handler"
        s3_bucket     = "example-artifacts"
        s3_key        = "api.zip"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_lambda_function" "api" {
        function_name           = "api"
        role                    = "arn:aws:iam::123456789012:role/api"
        runtime                 = "python3.12"
        handler                 = "app.handler"
        s3_bucket               = "example-artifacts"
        s3_key                  = "api.zip"
        code_signing_config_arn = "arn:aws:lambda:eu-west-1:123456789012:code-signing-config:csc-0123456789abcdef0"
      }

      resource "aws_lambda_function" "image" {
        function_name = "image"
        role          = "arn:aws:iam::123456789012:role/image"
        package_type  = "Image"
        image_uri     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/image:1.0"
      }
    EOT
  }
}
