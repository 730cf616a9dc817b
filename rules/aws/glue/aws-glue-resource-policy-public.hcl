rule "aws-glue-resource-policy-public" {
  title     = "Glue Data Catalog resource policy allows any principal"
  severity  = "high"
  area      = "identity-access"
  resources = ["aws_glue_resource_policy"]

  description = <<-EOT
    The Data Catalog resource policy grants access to the account's catalog to principals outside
    it. A statement allowing `Principal: "*"` (or `{"AWS": "*"}`) without a condition narrowing the
    callers lets any AWS account list and read the databases, tables and their locations, and,
    with write actions, change table definitions that jobs and Athena queries then trust. High:
    the catalog maps the whole data lake and is the way in to it. Statements limited by a
    condition such as `aws:PrincipalOrgID` are not reported. Sharing the catalog is the customer's
    configuration under the shared responsibility model.
  EOT
  remediation = <<-EOT
    Name the accounts or roles to share with (or use Lake Formation grants):

        resource "aws_glue_resource_policy" "catalog" {
          policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect    = "Allow"
              Principal = { AWS = "arn:aws:iam::222222222222:root" }
              Action    = ["glue:GetDatabase", "glue:GetTable", "glue:GetTables"]
              Resource  = "arn:aws:glue:eu-west-1:123456789012:*"
            }]
          })
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/glue_resource_policy",
    "https://docs.aws.amazon.com/glue/latest/dg/glue-resource-policies.html",
  ]

  assert {
    builtin "iam-no-public-principal" {
      attribute = "policy"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_glue_resource_policy" "catalog" {
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = { AWS = "*" }  # expect: aws-glue-resource-policy-public
            Action    = ["glue:GetDatabase", "glue:GetTable", "glue:GetTables"]
            Resource  = "arn:aws:glue:eu-west-1:123456789012:*"
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_glue_resource_policy" "catalog" {
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = { AWS = "*" }
            Action    = ["glue:GetDatabase", "glue:GetTable", "glue:GetTables"]
            Resource  = "arn:aws:glue:eu-west-1:123456789012:*"
            Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abcdef1234" } }
          }]
        })
      }
    EOT
  }
}
