rule "aws-api-gateway-rest-api-policy-public" {
  title     = "API Gateway resource policy allows invocation by anyone without a condition"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_api_gateway_rest_api_policy", "aws_api_gateway_rest_api"]

  description = <<-EOT
    A REST API resource policy is where a private or partner API is fenced: a statement allowing
    principal `*` with no condition on the source (`aws:SourceVpce`, `aws:SourceVpc`,
    `aws:SourceIp`, `aws:PrincipalOrgID`, ...) grants every caller on the internet the actions it
    names, undoing the fence. Resource policies are the customer's access control under the shared
    responsibility model. Medium: methods may still require authorization, but the network-level
    restriction the policy exists for is gone. The rule reads `aws_api_gateway_rest_api_policy` and
    the `policy` argument of `aws_api_gateway_rest_api`.
  EOT
  remediation = "Add a condition to the `Allow` statement, for example `StringEquals { \"aws:SourceVpce\" = \"vpce-...\" }` for a private API or `IpAddress { \"aws:SourceIp\" = [...] }` for a partner API, or name the calling accounts as principals."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_rest_api_policy",
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html",
  ]

  assert {
    builtin "iam-no-public-principal" {
      attribute = "policy"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_api_gateway_rest_api_policy" "internal" {
        rest_api_id = "a1b2c3d4e5"
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = "*"  # expect: aws-api-gateway-rest-api-policy-public
            Action    = "execute-api:Invoke"
            Resource  = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/*"
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_api_gateway_rest_api_policy" "internal" {
        rest_api_id = "a1b2c3d4e5"
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = "*"
            Action    = "execute-api:Invoke"
            Resource  = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/*"
            Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0123456789abcdef0" } }
          }]
        })
      }

      resource "aws_api_gateway_rest_api" "plain" {
        name = "plain"
      }
    EOT
  }
}
