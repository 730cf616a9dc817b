rule "aws-lambda-layer-permission-public" {
  title     = "Lambda layer version is shared with every AWS account"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_lambda_layer_version_permission"]

  description = <<-EOT
    A layer version permission with `principal = "*"` and no `organization_id` lets every AWS
    account download the layer: its code, dependencies and anything packaged with them, such as
    configuration files and embedded credentials. Public layers are meant for published tools;
    internal layers should be shared with named accounts or the organization. There is no
    default; `principal` is required. Sharing is the customer's configuration under the shared
    responsibility model. Medium: exposure of code and whatever it contains.
  EOT
  remediation = <<-EOT
    Share with the organization (or a named account):

        resource "aws_lambda_layer_version_permission" "shared" {
          layer_name      = aws_lambda_layer_version.common.layer_name
          version_number  = aws_lambda_layer_version.common.version
          statement_id    = "org"
          action          = "lambda:GetLayerVersion"
          principal       = "*"
          organization_id = "o-abcdef1234"
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_layer_version_permission",
    "https://docs.aws.amazon.com/lambda/latest/dg/permissions-layer-cross-account.html",
  ]

  assert {
    any {
      attribute "principal" {
        not_equals = "*"
      }
      attribute "organization_id" {
        present = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_lambda_layer_version_permission" "shared" {
        layer_name     = "common"
        version_number = 3
        statement_id   = "everyone"
        action         = "lambda:GetLayerVersion"
        principal      = "*"  # expect: aws-lambda-layer-permission-public
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_lambda_layer_version_permission" "org" {
        layer_name      = "common"
        version_number  = 3
        statement_id    = "org"
        action          = "lambda:GetLayerVersion"
        principal       = "*"
        organization_id = "o-abcdef1234"
      }
      resource "aws_lambda_layer_version_permission" "partner" {
        layer_name     = "common"
        version_number = 3
        statement_id   = "partner"
        action         = "lambda:GetLayerVersion"
        principal      = "222222222222"
      }
    EOT
  }
}
