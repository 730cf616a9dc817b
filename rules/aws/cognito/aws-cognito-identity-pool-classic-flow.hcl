rule "aws-cognito-identity-pool-classic-flow" {
  title     = "Cognito identity pool allows the basic (classic) authentication flow"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_cognito_identity_pool"]

  description = <<-EOT
    In the enhanced flow Cognito picks the IAM role for an identity and scopes its credentials
    with a session policy. The basic (classic) flow, turned on with
    `allow_classic_flow = true`, lets the client fetch an OpenID token and call
    `sts:AssumeRoleWithWebIdentity` itself for any role whose trust policy accepts the pool, so
    a user of the application can choose the role, and the session policy that narrows the
    enhanced flow does not apply. Misconfigured trust policies then hand out more than intended.
    The argument defaults to `false`. How identities get AWS credentials is the customer's
    configuration under the shared responsibility model. Medium: it weakens the controls on
    credentials issued to end users.
  EOT
  remediation = <<-EOT
    Use the enhanced flow only:

        resource "aws_cognito_identity_pool" "app" {
          identity_pool_name               = "app"
          allow_unauthenticated_identities = false
          allow_classic_flow               = false
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_identity_pool#allow_classic_flow",
    "https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html",
  ]

  assert {
    attribute "allow_classic_flow" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cognito_identity_pool" "app" {
        identity_pool_name               = "app"
        allow_unauthenticated_identities = false
        allow_classic_flow               = true  # expect: aws-cognito-identity-pool-classic-flow
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_cognito_identity_pool" "app" {
        identity_pool_name               = "app"
        allow_unauthenticated_identities = false
      }
    EOT
  }
}
